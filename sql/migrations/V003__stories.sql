-- V003: story grouping state. The nightly story step signs each extracted document once;
-- a new document finds the earlier documents it may copy through their LSH band hashes.

-- One row per signed document: its MinHash signature and the story it joined.
create table staging.story_signatures (
    document_id text primary key references raw.documents (document_id),
    -- md5 of the text that was signed; a document whose text changes is signed again.
    text_md5 text not null,
    shingle_count integer not null check (shingle_count >= 0),  -- word runs of the text
    -- STORY_NUM_PERM little-endian uint32 values; null for a text too short to compare.
    signature bytea,
    -- The document that founded the story: the group's stable key.
    story_key text not null,
    -- The earlier document this one copies (most similar), null for a founder.
    matched_document_id text,
    similarity real check (similarity between 0 and 1),
    signed_at timestamptz not null default now(),
    check ((matched_document_id is null) = (similarity is null))
);
create index story_signatures_story_key_idx on staging.story_signatures (story_key);

-- One row per indexed document and LSH band: the hash of that band of its signature. A document
-- that copies an earlier one almost exactly is not indexed (the earlier one stands for it).
create table staging.story_bands (
    band_hash bigint not null,
    document_id text not null
        references staging.story_signatures (document_id) on delete cascade,
    primary key (band_hash, document_id)
);
create index story_bands_document_idx on staging.story_bands (document_id);
