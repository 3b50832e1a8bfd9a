using IndustryCopilot.Core.Ingestion.Metadata;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>
/// Among documents sharing a document number, marks the newest (by date, then revision label, then indexing
/// time) current and the others superseded by it. Runs inside the transaction that changed the group.
/// </summary>
internal static class RevisionResolver
{
    public static void Resolve(SqliteConnection connection, SqliteTransaction tx, string? documentNumber)
    {
        if (documentNumber is null)
        {
            return;
        }

        var group = new List<(string Id, string? Revision, DateOnly? Date, string IndexedAt)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, revision, effective_date, indexed_at FROM documents WHERE doc_number = $n";
            select.Parameters.AddWithValue("$n", documentNumber);
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                group.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : DateOnly.Parse(r.GetString(2), System.Globalization.CultureInfo.InvariantCulture), r.GetString(3)));
            }
        }

        if (group.Count == 0)
        {
            return;
        }

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
            WHERE doc_number = $n
            """;
        update.Parameters.AddWithValue("$newest", newest.Id);
        update.Parameters.AddWithValue("$n", documentNumber);
        update.ExecuteNonQuery();
    }
}
