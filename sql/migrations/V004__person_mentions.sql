-- Person mentions: one row per person named in a document and role stated with the name
-- (a name with two roles, `Gründer und CEO`, has two rows on the same offsets; a name
-- without a role has one row with an empty role). Written by the extractor with the
-- company mentions of the same extraction.
create table staging.person_mentions (
    document_id text not null references raw.documents (document_id),
    mention_index integer not null,
    extractor_version text not null,
    person_name text not null,
    surface_text text not null,
    char_start integer not null,
    char_end integer not null,
    sentence_text text not null,
    role text check (
        role in (
            'ceo', 'chair', 'founder', 'cfo', 'cto', 'board_member', 'head_of_unit',
            'spokesperson', 'owner', 'politician', 'other'
        )
    ),
    role_text text,
    company_id text,
    company_name text,
    company_mention_index integer,
    primary key (document_id, mention_index),
    check (char_start >= 0 and char_end > char_start),
    check ((role is null) = (role_text is null))
);
