using IndustryCopilot.Core.Ingestion.Metadata;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>
/// Among documents sharing a document number <em>and</em> the same access groups, marks the newest (by date, then
/// revision label, then indexing time) current and the others superseded by it. Runs inside the transaction that
/// changed the group.
/// </summary>
/// <remarks>
/// The access groups are part of a revision line's identity: a document of one department must never retire, hide
/// or reveal (through <c>superseded_by</c>) a document of another that happens to carry the same number. Documents
/// with the same number but other groups are separate lines, each with its own current revision.
/// </remarks>
internal static class RevisionResolver
{
    public static void Resolve(SqliteConnection connection, SqliteTransaction tx, string? documentNumber)
    {
        if (documentNumber is null)
        {
            return;
        }

        var numbered = new List<(string Id, string? Revision, DateOnly? Date, string IndexedAt, string Groups)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, revision, effective_date, indexed_at, access_groups FROM documents WHERE doc_number = $n";
            select.Parameters.AddWithValue("$n", documentNumber);
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                numbered.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : DateOnly.Parse(r.GetString(2), System.Globalization.CultureInfo.InvariantCulture), r.GetString(3), GroupKey(r.GetString(4))));
            }
        }

        foreach (var line in numbered.GroupBy(d => d.Groups, StringComparer.Ordinal))
        {
            MarkNewest(connection, tx, [.. line.Select(d => (d.Id, d.Revision, d.Date, d.IndexedAt))]);
        }
    }

    /// <summary>The access groups as a set: sorted and distinct, so <c>["b","a"]</c> and <c>["a","b","a"]</c> are one line.</summary>
    internal static string GroupKey(string accessGroupsJson) =>
        string.Join('\u001f', (JsonSerializer.Deserialize<List<string>>(accessGroupsJson) ?? ["public"]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    private static void MarkNewest(SqliteConnection connection, SqliteTransaction tx, List<(string Id, string? Revision, DateOnly? Date, string IndexedAt)> group)
    {
        var newest = group[0];
        foreach (var candidate in group.Skip(1))
        {
            var order = RevisionParser.Compare(candidate.Date, candidate.Revision, newest.Date, newest.Revision);
            if (order > 0 || (order == 0 && string.CompareOrdinal(candidate.IndexedAt, newest.IndexedAt) > 0))
            {
                newest = candidate;
            }
        }

        using var update = connection.CreateCommand();
        update.Transaction = tx;
        update.CommandText = """
            UPDATE documents SET status = CASE WHEN id = $newest THEN 'current' ELSE 'superseded' END,
                                 superseded_by = CASE WHEN id = $newest THEN NULL ELSE $newest END
            WHERE id = $id
            """;
        update.Parameters.AddWithValue("$newest", newest.Id);
        var id = update.Parameters.Add("$id", SqliteType.Text);
        foreach (var member in group)
        {
            id.Value = member.Id;
            update.ExecuteNonQuery();
        }
    }
}
