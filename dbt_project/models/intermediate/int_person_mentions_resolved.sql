-- Person mentions of each document's current extraction, with the resolved company of
-- their role and the person they name across documents: a full name stands for itself
-- (compared without case); a family name alone (`Musk`) stands for the one full name
-- ending in it that is tied to the same company somewhere, or, with no company to go by,
-- for the only full name ending in it.
with

mentions as (

    select * from {{ ref('stg_autonews__person_mentions') }}

),

extractions as (

    select * from {{ ref('stg_autonews__extractions') }}

),

documents as (

    select * from {{ ref('int_documents_joined') }}

),

company_mentions as (

    select * from {{ ref('int_company_mentions_resolved') }}

),

current_mentions as (

    select
        mentions.*,
        lower(regexp_replace(trim(mentions.person_name), '\s+', ' ', 'g')) as name_key

    from mentions
    inner join extractions
        on
            mentions.document_id = extractions.document_id
            and mentions.extractor_version = extractions.extractor_version

),

with_companies as (

    select
        current_mentions.*,
        company_mentions.company_id as resolved_company_id

    from current_mentions
    left join company_mentions
        on
            current_mentions.document_id = company_mentions.document_id
            and current_mentions.company_mention_index = company_mentions.mention_index

),

-- The companies each name is tied to in each document.
name_companies as (

    select distinct
        document_id,
        name_key,
        resolved_company_id as company_id

    from with_companies
    where resolved_company_id is not null

),

full_names as (

    select distinct
        name_key,
        split_part(name_key, ' ', array_length(string_to_array(name_key, ' '), 1)) as last_word

    from current_mentions
    where position(' ' in name_key) > 0

),

full_name_companies as (

    select distinct
        name_companies.name_key,
        name_companies.company_id

    from name_companies
    inner join full_names
        on name_companies.name_key = full_names.name_key

),

short_names as (

    select distinct
        document_id,
        name_key

    from current_mentions
    where position(' ' in name_key) = 0

),

-- A family name tied to a company in its document, matched to full names with that company.
hinted as (

    select
        short_names.document_id,
        short_names.name_key,
        min(full_names.name_key) as full_name_key,
        count(distinct full_names.name_key) as candidates

    from short_names
    inner join name_companies
        on
            short_names.document_id = name_companies.document_id
            and short_names.name_key = name_companies.name_key
    inner join full_names
        on short_names.name_key = full_names.last_word
    inner join full_name_companies
        on
            full_names.name_key = full_name_companies.name_key
            and name_companies.company_id = full_name_companies.company_id
    group by short_names.document_id, short_names.name_key

),

unhinted as (

    select
        short_names.document_id,
        short_names.name_key,
        min(full_names.name_key) as full_name_key,
        count(distinct full_names.name_key) as candidates

    from short_names
    inner join full_names
        on short_names.name_key = full_names.last_word
    left join name_companies
        on
            short_names.document_id = name_companies.document_id
            and short_names.name_key = name_companies.name_key
    where name_companies.name_key is null
    group by short_names.document_id, short_names.name_key

),

short_resolved as (

    select
        document_id,
        name_key,
        full_name_key

    from hinted
    where candidates = 1

    union all

    select
        document_id,
        name_key,
        full_name_key

    from unhinted
    where candidates = 1

),

resolved as (

    select
        {{ generate_key(['with_companies.document_id', 'with_companies.mention_index']) }}
            as person_mention_id,
        {{ generate_key(["coalesce(short_resolved.full_name_key, with_companies.name_key)"]) }}
            as person_id,
        coalesce(short_resolved.full_name_key, with_companies.name_key) as person_key,
        with_companies.document_id,
        with_companies.mention_index,
        with_companies.person_name,
        with_companies.surface_text,
        with_companies.char_start,
        with_companies.char_end,
        with_companies.sentence_text,
        with_companies.role,
        with_companies.role_text,
        with_companies.resolved_company_id as company_id,
        company_mentions.mention_id as company_mention_id,
        documents.published_date,
        documents.reported_date,
        documents.loaded_at,
        with_companies.extractor_version

    from with_companies
    inner join documents
        on with_companies.document_id = documents.document_id
    left join short_resolved
        on
            with_companies.document_id = short_resolved.document_id
            and with_companies.name_key = short_resolved.name_key
    left join company_mentions
        on
            with_companies.document_id = company_mentions.document_id
            and with_companies.company_mention_index = company_mentions.mention_index

)

select * from resolved
