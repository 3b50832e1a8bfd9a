using IndustryCopilot.Core.Retrieval;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>Turns a <see cref="SearchFilter"/> into a SQL condition over the <c>documents</c> row aliased <c>d</c>.</summary>
internal static class FilterSql
{
    public static string Condition(SearchFilter filter, SqliteCommand command)
    {
        var parts = new List<string> { filter.IncludeSuperseded ? "1 = 1" : "d.status = 'current'" };
        In("d.id", filter.DocumentIds, "fdoc", parts, command);
        In("d.doc_type", filter.DocTypes, "ftype", parts, command);
        In("d.language", filter.Languages.Select(l => l.ToLowerInvariant()).ToList(), "flang", parts, command);
        In("d.equipment", filter.Equipment, "feq", parts, command);
        In("d.line", filter.Lines, "fline", parts, command);
        if (filter.AccessGroups is { } groups)
        {
            if (groups.Count == 0)
            {
                parts.Add("0 = 1");
            }
            else
            {
                var names = Bind(groups, "fgroup", command);
                parts.Add($"EXISTS (SELECT 1 FROM json_each(d.access_groups) g WHERE g.value IN ({names}))");
            }
        }

        return string.Join(" AND ", parts);
    }

    /// <summary>A string equal for equal filters (the record's lists compare by reference), for caching by filter.</summary>
    public static string Key(SearchFilter filter) => string.Join('\u001e',
        string.Join('\u001f', filter.DocumentIds), string.Join('\u001f', filter.DocTypes), string.Join('\u001f', filter.Languages),
        string.Join('\u001f', filter.Equipment), string.Join('\u001f', filter.Lines),
        filter.AccessGroups is null ? "\u0000" : string.Join('\u001f', filter.AccessGroups), filter.IncludeSuperseded ? "1" : "0");

    private static void In(string column, IReadOnlyList<string> values, string prefix, List<string> parts, SqliteCommand command)
    {
        if (values.Count > 0)
        {
            parts.Add($"{column} IN ({Bind(values, prefix, command)})");
        }
    }

    private static string Bind(IReadOnlyList<string> values, string prefix, SqliteCommand command)
    {
        var names = new List<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            var name = $"${prefix}{i}";
            command.Parameters.AddWithValue(name, values[i]);
            names.Add(name);
        }

        return string.Join(", ", names);
    }
}
