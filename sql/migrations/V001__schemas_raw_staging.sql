-- V001: the schemas and the tables the Python steps write.
-- raw: what was read from the source folder, untouched.
-- staging: what the extractor read out of raw documents, one extractor version at a time.

create schema if not exists raw;
create schema if not exists staging;
create schema if not exists marts;
create schema if not exists meta;

-- One row per nightly run (or any other call of the ingest step).
create table raw.load_batches (
    batch_id bigint generated always as identity primary key,
    source_dir text not null,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    status text not null default 'running'
        check (status in ('running', 'succeeded', 'failed')),
    files_seen integer not null default 0,
    files_loaded integer not null default 0,
    files_duplicate integer not null default 0,
    files_rejected integer not null default 0,
    error_message text
);

-- One row per distinct document text. The key is derived from the content hash,
-- so the same text is stored once whatever its file name.
create table raw.documents (
    document_id text primary key,
    content_sha256 text not null unique,
    source_path text not null,
    source_format text not null default 'text'
        check (source_format in ('text', 'html', 'json')),
    body text not null,
    byte_size integer not null,
    encoding text not null,
    first_batch_id bigint not null references raw.load_batches (batch_id),
    loaded_at timestamptz not null default now()
);

-- One row per file version seen: a (path, content) pair the first time it is met,
-- and one row for every rejection. Files met again unchanged count as duplicates
-- in their batch without a new row. A JSON Lines file holds one row per record
-- (record_index counts from 1; null for single-document files).
create table raw.files (
    file_id bigint generated always as identity primary key,
    batch_id bigint not null references raw.load_batches (batch_id),
    source_path text not null,
    record_index integer,
    byte_size bigint,
    modified_at timestamptz,
    mtime_ns bigint,
    file_sha256 text,
    outcome text not null check (outcome in ('loaded', 'duplicate', 'rejected')),
    reason text,
    encoding text,
    document_id text references raw.documents (document_id),
    seen_at timestamptz not null default now(),
    check ((outcome = 'rejected') = (reason is not null)),
    check ((outcome = 'rejected') = (document_id is null))
);
create index files_source_path_idx on raw.files (source_path, file_id desc);
create index files_batch_idx on raw.files (batch_id);

-- One row per document and extractor version that has been extracted.
create table staging.extractions (
    document_id text primary key references raw.documents (document_id),
    extractor_version text not null,
    extracted_at timestamptz not null default now()
);
create index extractions_version_idx on staging.extractions (extractor_version);

create table staging.documents (
    document_id text primary key references raw.documents (document_id),
    extractor_version text not null,
    language text,
    title text,
    published_date date,
    published_precision text check (published_precision in ('day', 'month', 'year')),
    date_source text,
    text_body text,
    char_count integer not null
);

create table staging.company_mentions (
    document_id text not null references raw.documents (document_id),
    mention_index integer not null,
    extractor_version text not null,
    company_id text not null,
    company_name text not null,
    is_reference boolean not null,
    match_method text not null,
    surface_text text not null,
    char_start integer not null,
    char_end integer not null,
    sentence_text text not null,
    primary key (document_id, mention_index)
);

create table staging.partnership_claims (
    document_id text not null references raw.documents (document_id),
    claim_index integer not null,
    extractor_version text not null,
    company_a_id text not null,
    company_a_name text not null,
    company_b_id text not null,
    company_b_name text not null,
    is_directed boolean not null,
    partnership_type text not null,
    status text not null,
    stake_percent numeric,
    amount_value numeric,
    amount_currency text,
    trigger_text text,
    sentence_text text not null,
    char_start integer not null,
    char_end integer not null,
    primary key (document_id, claim_index)
);

create table staging.sales_claims (
    document_id text not null references raw.documents (document_id),
    claim_index integer not null,
    extractor_version text not null,
    company_id text not null,
    company_name text not null,
    metric text not null,
    value numeric not null,
    unit text not null,
    value_text text not null,
    period_start date,
    period_end date,
    period_grain text,
    market text not null,
    segment text not null,
    reporting_body text,
    sentence_text text not null,
    char_start integer not null,
    char_end integer not null,
    primary key (document_id, claim_index)
);

-- One row per nightly run, with its report.
create table meta.runs (
    run_id bigint generated always as identity primary key,
    started_at timestamptz not null default now(),
    finished_at timestamptz,
    status text not null default 'running'
        check (status in ('running', 'succeeded', 'failed')),
    source_dir text,
    batch_id bigint references raw.load_batches (batch_id),
    extractor_version text not null,
    error_message text,
    report jsonb
);
