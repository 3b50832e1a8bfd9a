namespace IndustryCopilot.Hosting.Store;

/// <summary>The shared store's tables. Idempotent: run by every server at start, under <see cref="PostgresStore"/>'s lock.</summary>
internal static class PostgresSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS api_keys (
            id text PRIMARY KEY,
            name text NOT NULL UNIQUE,
            hash text NOT NULL UNIQUE,
            role text NOT NULL,
            groups jsonb NOT NULL,
            all_groups boolean NOT NULL DEFAULT false,
            created timestamptz NOT NULL,
            revoked timestamptz,
            last_used timestamptz);

        -- People's sessions (the cookie holds only the id), shared: a session begun on one replica is valid on every
        -- other, and ended on one, ended on all. (The key ring that encrypts them creates its own table.)
        CREATE TABLE IF NOT EXISTS sessions (
            id text PRIMARY KEY,
            subject text NOT NULL,
            name text NOT NULL,
            groups jsonb NOT NULL,
            created timestamptz NOT NULL,
            expires timestamptz,
            ticket bytea NOT NULL);
        CREATE INDEX IF NOT EXISTS sessions_subject ON sessions(subject);

        -- People's conversations, so a follow-up continues on whichever replica takes it.
        CREATE TABLE IF NOT EXISTS conversations (
            owner text NOT NULL,
            id text NOT NULL,
            title text NOT NULL,
            created timestamptz NOT NULL,
            updated timestamptz NOT NULL,
            PRIMARY KEY (owner, id));
        CREATE TABLE IF NOT EXISTS conversation_turns (
            owner text NOT NULL,
            conversation text NOT NULL,
            seq integer NOT NULL,
            question text NOT NULL,
            answer text NOT NULL,
            response text NOT NULL,
            created timestamptz NOT NULL,
            PRIMARY KEY (owner, conversation, seq),
            FOREIGN KEY (owner, conversation) REFERENCES conversations (owner, id) ON DELETE CASCADE);

        -- Failed sign-ins per user name and per address, counted for the whole group (rows past the lockout window are
        -- deleted as new failures come).
        CREATE TABLE IF NOT EXISTS sign_in_failures (key text NOT NULL, at timestamptz NOT NULL);
        CREATE INDEX IF NOT EXISTS sign_in_failures_key ON sign_in_failures(key, at);
        CREATE INDEX IF NOT EXISTS sign_in_failures_at ON sign_in_failures(at);

        -- The shared catalog: every document as the indexing replica stored it (fields, chunks in order, vectors), so
        -- every replica's embedded index is rebuilt from it and ranks alike. Only the replica holding the indexer lease
        -- writes documents; the generation moves with every change so the others know when to look.
        CREATE TABLE IF NOT EXISTS catalog_documents (
            id text PRIMARY KEY,
            source_path text NOT NULL,
            fingerprint text NOT NULL,
            pipeline_version integer NOT NULL,
            vector_model text,
            document jsonb NOT NULL,
            chunks jsonb NOT NULL);
        CREATE TABLE IF NOT EXISTS catalog_vectors (
            document_id text NOT NULL REFERENCES catalog_documents(id) ON DELETE CASCADE,
            chunk_id text NOT NULL,
            vector bytea NOT NULL,
            PRIMARY KEY (document_id, chunk_id));
        CREATE TABLE IF NOT EXISTS catalog_generation (one boolean PRIMARY KEY DEFAULT true CHECK (one), value bigint NOT NULL);
        -- An admin's release of a document's held passages, for the version (content hash) reviewed; made on any
        -- replica, taken by every replica when it follows the catalog.
        CREATE TABLE IF NOT EXISTS catalog_releases (
            doc_id text PRIMARY KEY,
            content_hash text NOT NULL,
            released_by text NOT NULL,
            released_at timestamptz NOT NULL);
        INSERT INTO catalog_generation (one, value) VALUES (true, 0) ON CONFLICT DO NOTHING;
        -- When an indexer last finished its start-up run: until one has, the catalog is not the group's documents yet,
        -- and the other replicas do not report ready.
        CREATE TABLE IF NOT EXISTS catalog_state (one boolean PRIMARY KEY DEFAULT true CHECK (one), indexed_at timestamptz);
        INSERT INTO catalog_state (one, indexed_at) VALUES (true, NULL) ON CONFLICT DO NOTHING;

        -- Uploaded files waiting to be indexed, taken by whichever replica holds the indexer lease; the files themselves
        -- are in the shared upload folder.
        CREATE TABLE IF NOT EXISTS upload_jobs (
            id text PRIMARY KEY,
            file_name text NOT NULL,
            state text NOT NULL,
            created timestamptz NOT NULL,
            key_id text NOT NULL,
            groups jsonb NOT NULL,
            path text NOT NULL,
            previous_path text,
            document_id text,
            chunks integer NOT NULL DEFAULT 0,
            pages integer NOT NULL DEFAULT 0,
            error text,
            finished timestamptz,
            taken_by text);
        CREATE INDEX IF NOT EXISTS upload_jobs_waiting ON upload_jobs(created) WHERE state IN ('queued', 'indexing');

        -- The audit is append-only: answers, ratings and admin actions can be added, never changed or removed, by
        -- this program or any other client short of dropping the triggers (as the SQLite audit's triggers do).
        CREATE TABLE IF NOT EXISTS audit_answers (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id text NOT NULL UNIQUE,
            time timestamptz NOT NULL,
            key_id text NOT NULL,
            key_name text NOT NULL,
            channel text NOT NULL,
            mode text NOT NULL,
            question text NOT NULL,
            entry jsonb NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_answers_time ON audit_answers(time);
        CREATE TABLE IF NOT EXISTS audit_feedback (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            answer_id text NOT NULL,
            time timestamptz NOT NULL,
            key_id text NOT NULL,
            rating integer NOT NULL CHECK (rating IN (-1, 1)),
            comment text);
        CREATE INDEX IF NOT EXISTS audit_feedback_answer ON audit_feedback(answer_id);
        CREATE TABLE IF NOT EXISTS audit_actions (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            time timestamptz NOT NULL,
            key_id text NOT NULL,
            key_name text NOT NULL,
            action text NOT NULL,
            target text NOT NULL,
            detail text NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_actions_target ON audit_actions(target);
        CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the audit is append-only';
        END $$;
        DO $$
        DECLARE t text;
        BEGIN
            FOREACH t IN ARRAY ARRAY['audit_answers', 'audit_feedback', 'audit_actions'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = t || '_append_only') THEN
                    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()', t || '_append_only', t);
                END IF;
            END LOOP;
        END $$;
        """;
}
