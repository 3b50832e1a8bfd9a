using System.Xml.Linq;
using IndustryCopilot.Hosting.Store;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// The data-protection key ring in the shared PostgreSQL database, so every replica encrypts and decrypts sessions
/// (and anti-forgery tokens) with the same keys. ASP.NET reads the ring at start and when a key is due and calls these
/// synchronously, so they use Npgsql's synchronous API: real blocking I/O a few times a day, not async code waited on.
/// </summary>
internal sealed class PostgresKeyRing(PostgresStore store) : IXmlRepository
{
    private bool _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection Open()
    {
        var connection = store.UncheckedSource.OpenConnection();
        if (!Volatile.Read(ref _created))
        {
            // Replicas starting together: the table is created once, under the store's schema lock.
            using var tx = connection.BeginTransaction();
            using var command = new NpgsqlCommand($"""
                SELECT pg_advisory_xact_lock({PostgresStore.SchemaLock});
                CREATE TABLE IF NOT EXISTS data_protection_keys (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, friendly_name text NOT NULL, xml text NOT NULL);
                """, connection, tx);
            command.ExecuteNonQuery();
            tx.Commit();
            Volatile.Write(ref _created, true);
        }

        return connection;
    }
}
