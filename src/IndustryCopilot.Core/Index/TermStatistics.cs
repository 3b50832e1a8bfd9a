using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Core.Index;

/// <summary>
/// Keeps, per lexical term and gram, the number of chunks holding it, updated in the same transaction as the chunks.
/// FTS5 can count this too, but only by reading the term's whole posting list (milliseconds for a common term at
/// 100k chunks); query planning and IDF weights need it for every query term at once.
/// </summary>
internal static class TermStatistics
{
    public static void Add(SqliteConnection connection, SqliteTransaction tx, IEnumerable<string> columns, int delta)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = tx;
        upsert.CommandText = "INSERT INTO term_df(term, df) VALUES ($t, $d) ON CONFLICT(term) DO UPDATE SET df = df + $d";
        var term = upsert.Parameters.Add("$t", SqliteType.Text);
        upsert.Parameters.AddWithValue("$d", delta);
        foreach (var t in columns.SelectMany(c => c.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal))
        {
            term.Value = t;
            upsert.ExecuteNonQuery();
        }
    }

    /// <summary>Counts the terms of the chunks of <paramref name="documentId"/> out, before they are deleted.</summary>
    public static void RemoveDocument(SqliteConnection connection, SqliteTransaction tx, string documentId)
    {
        var rows = new List<(string, string)>();
        using (var read = connection.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT terms, grams FROM chunk_terms WHERE rowid IN (SELECT rowid FROM chunks WHERE doc_id = $id)";
            read.Parameters.AddWithValue("$id", documentId);
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.IsDBNull(0) ? "" : r.GetString(0), r.IsDBNull(1) ? "" : r.GetString(1)));
            }
        }

        foreach (var (terms, grams) in rows)
        {
            Add(connection, tx, [terms, grams], -1);
        }

        using var prune = connection.CreateCommand();
        prune.Transaction = tx;
        prune.CommandText = "DELETE FROM term_df WHERE df <= 0";
        prune.ExecuteNonQuery();
    }
}
