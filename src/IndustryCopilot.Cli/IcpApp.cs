using IndustryCopilot.Cli.Commands;
using Spectre.Console.Cli;

namespace IndustryCopilot.Cli;

/// <summary>The <c>icp</c> command tree.</summary>
internal static class IcpApp
{
    public static int Run(string[] args)
    {
        // Redirected output (CI logs, scripts) would otherwise be wrapped at 80 columns.
        if (Console.IsOutputRedirected)
        {
            Spectre.Console.AnsiConsole.Profile.Width = 200;
        }

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("icp");
            config.PropagateExceptions();
            config.AddCommand<IndexCommand>("index").WithDescription("Index files or folders into the embedded index.").WithExample("index", "corpus");
            config.AddCommand<DocsCommand>("docs").WithDescription("List indexed documents with number, revision and status.");
            config.AddCommand<ShowCommand>("show").WithDescription("Show a document's metadata, and with --chunks how it was chunked.").WithExample("show", "安全生产法", "--chunks");
            config.AddCommand<RemoveCommand>("remove").WithDescription("Remove a document from the index.");
            config.AddCommand<SearchCommand>("search").WithDescription("Hybrid search (lexical, dense, identifier lanes) with per-lane ranks.").WithExample("search", "E-203");
            config.AddCommand<AskCommand>("ask").WithDescription("Answer a question from the documents with verified citations (generated with a model, else quoted), or refuse.").WithExample("ask", "M12 螺栓的拧紧力矩是多少？").WithExample("ask", "--model", "models/qwen2.5-7b-instruct-q4_k_m.gguf", "How often is the compressor oil changed?");
            config.AddCommand<MigrateCommand>("migrate").WithDescription("Copy the embedded index into Qdrant (no re-embedding) and point the alias at it.").WithExample("migrate", "--to", "qdrant", "--url", "http://qdrant:6334");
            config.AddCommand<BackupCommand>("backup").WithDescription("Copy the data directory (index, keys, audit, uploads) into a new folder; safe while the server runs.").WithExample("backup", "/backups/icp-2026-12-04");
            config.AddCommand<RestoreCommand>("restore").WithDescription("Restore a backup into the data directory (server stopped; --force replaces existing data, which is kept renamed).").WithExample("restore", "/backups/icp-2026-12-04", "--force");
            config.AddCommand<EvalCommand>("eval").WithDescription("Measure retrieval variants, the Lucene baseline, refusal and citations on question sets.").WithExample("eval", "../shared/eval/questions/zh-regulations.jsonl");
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("API keys for the server (programs and users).");
                keys.AddCommand<KeysAddCommand>("add").WithDescription("Create a key; it is printed once, alone on the last line.").WithExample("keys", "add", "--name", "mes-line3", "--groups", "production,quality", "--role", "reader");
                keys.AddCommand<KeysListCommand>("list").WithDescription("List keys (never the keys themselves).");
                keys.AddCommand<KeysRevokeCommand>("revoke").WithDescription("Revoke a key by name or id.");
            });
            config.AddBranch("store", store =>
            {
                store.SetDescription("The shared store (PostgreSQL) of a plant group's servers.");
                store.AddCommand<StoreMigrateCommand>("migrate").WithDescription("Copy the data directory's API keys, audit and conversations into the shared PostgreSQL database; safe to run again.").WithExample("store", "migrate", "--connection-string", "Host=db;Database=copilot;Username=copilot;Password=…");
            });
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks.");
                bench.AddCommand<BenchOcrCommand>("ocr").WithDescription("OCR pages/s and character accuracy on a scanned PDF.");
                bench.AddCommand<BenchSearchCommand>("search").WithDescription("Search latency per lane on a synthetic index of 100k chunks.");
                bench.AddCommand<BenchLlmCommand>("llm").WithDescription("Orchestration overhead (retrieve + prompt + verify) next to raw model time for the same prompts.");
                bench.AddCommand<BenchHttpCommand>("http").WithDescription("Load test a running server: N concurrent clients on /api/search and /api/ask, req/s, p50/p95/p99, errors.").WithExample("bench", "http", "--url", "http://127.0.0.1:5080", "--clients", "32", "--seconds", "30");
                bench.AddCommand<BenchConcurrencyCommand>("concurrency").WithDescription("N searches one after another vs at once, with the embedded index and with each index call delayed (a stand-in for Qdrant across a network).");
                bench.AddCommand<BenchIngestCommand>("ingest").WithDescription("PDF pages/s: PdfPig extraction alone vs the whole ingestion pipeline.");
            });
        });

        try
        {
            return app.Run(args);
        }
        catch (CommandAppException ex)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
        catch (Grpc.Core.RpcException ex)
        {
            // Only the Qdrant search index speaks gRPC; its status and the socket error say more than the whole Status text.
            Console.Error.WriteLine("error: Qdrant did not answer: " + Qdrant.QdrantSearchIndex.Describe(ex));
            return 2;
        }
        catch (Core.Settings.InvalidOptionsException ex)
        {
            // Every wrong setting at once, one per line, as the server reports them.
            Console.Error.WriteLine($"error: the configuration has {ex.Problems.Count} problem(s):");
            foreach (var problem in ex.Problems)
            {
                Console.Error.WriteLine("  " + problem);
            }

            return 2;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            // The shared store: the database's own message (host unreachable, password refused, …) is the useful part.
            Console.Error.WriteLine("error: PostgreSQL: " + ex.Message);
            return 2;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException or Hosting.Security.DuplicateKeyNameException or FormatException or InvalidDataException or System.ComponentModel.DataAnnotations.ValidationException or UnauthorizedAccessException or Llama.ModelLoadException or ArgumentException)
        {
            Console.Error.WriteLine("error: " + ex.Message);
            return 2;
        }
    }
}
