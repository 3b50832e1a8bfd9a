using System.Text;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>Renders table rows as a Markdown table that always starts with the header row.</summary>
public static class TableRenderer
{
    /// <summary>The label of a caption: <c>表2</c> of "表2 换刀相关故障代码", <c>Table 3</c> of "Table 3. Limits"; else null.</summary>
    public static string? Label(string? caption)
    {
        if (string.IsNullOrWhiteSpace(caption))
        {
            return null;
        }

        var m = System.Text.RegularExpressions.Regex.Match(caption.Trim(), @"^(表\s*[A-Z]?\d+(?:[.-]\d+)*|Table\s+[A-Z]?\d+(?:[.-]\d+)*)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return m.Success ? m.Value : null;
    }

    public static string Render(TableData table, IEnumerable<IReadOnlyList<string>> rows)
    {
        var width = Math.Max(table.Header.Count, table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Count));
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            sb.Append(table.Caption.Trim()).Append('\n');
        }

        AppendRow(sb, table.Header, width);
        sb.Append('|');
        for (var i = 0; i < width; i++)
        {
            sb.Append(" --- |");
        }

        sb.Append('\n');
        foreach (var row in rows)
        {
            AppendRow(sb, row, width);
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells, int width)
    {
        sb.Append('|');
        for (var i = 0; i < width; i++)
        {
            var cell = i < cells.Count ? cells[i] : "";
            sb.Append(' ').Append(cell.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ')).Append(" |");
        }

        sb.Append('\n');
    }
}
