-- Documents the extractor could not read: one row per document, the latest failure. The
-- document's raw text stays in raw.documents and it stays pending (no row in
-- staging.extractions for this extractor version), so every run tries it again; a
-- successful extraction deletes its row here. Nothing else of the document is written.
create table staging.extraction_failures (
    document_id text primary key references raw.documents (document_id),
    extractor_version text not null,
    reason text not null,
    failed_at timestamptz not null default now(),
    attempts integer not null default 1 check (attempts > 0)
);
