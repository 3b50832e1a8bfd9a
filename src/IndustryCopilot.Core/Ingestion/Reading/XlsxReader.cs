using System.Globalization;
using MiniExcelLibs;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Reads spreadsheets: each sheet becomes a heading (the sheet name) and a table whose header is its first non-empty row.</summary>
public sealed class XlsxReader(IngestionOptions options) : IDocumentReader
{
    public string Format => "xlsx";

    public IReadOnlyCollection<string> Extensions { get; } = [".xlsx"];

    public ReadResult Read(string path, CancellationToken cancellationToken)
    {
        if (FileGuard.CheckSize(path, options) is { } tooBig)
        {
            return ReadResult.Fail(tooBig);
        }

        if (PackageGuard.Check(path, options) is { } refused)
        {
            return ReadResult.Fail(refused);
        }

        try
        {
            var blocks = new List<Block>();
            foreach (var sheet in MiniExcel.GetSheetNames(path))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet)
                    .Cast<IDictionary<string, object?>>()
                    .Select(r => (IReadOnlyList<string>)r.Values.Select(Cell).ToList())
                    .Where(r => r.Any(c => c.Length > 0))
                    .ToList();
                if (rows.Count == 0)
                {
                    continue;
                }

                var width = rows.Max(r => LastNonEmpty(r) + 1);
                var trimmed = rows.Select(r => (IReadOnlyList<string>)r.Take(width).ToList()).ToList();
                blocks.Add(new Block(BlockKind.Heading, sheet, null, 1));
                blocks.Add(new Block(BlockKind.Table, sheet, null, Table: new TableData(trimmed[0], trimmed.Skip(1).ToList(), sheet)));
            }

            return blocks.Count == 0
                ? ReadResult.Fail("no data: every sheet is empty")
                : ReadResult.Ok(new ParsedDocument { Format = Format, Blocks = blocks });
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or InvalidCastException or KeyNotFoundException or FormatException or ArgumentException)
        {
            return ReadResult.Fail("damaged or unsupported Excel file: " + ex.Message);
        }
    }

    private static int LastNonEmpty(IReadOnlyList<string> row)
    {
        for (var i = row.Count - 1; i >= 0; i--)
        {
            if (row[i].Length > 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("G15", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? "",
    };
}
