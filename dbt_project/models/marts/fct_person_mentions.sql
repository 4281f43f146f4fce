with

mentions as (

    select * from {{ ref('int_person_mentions_resolved') }}

),

final as (

    select
        cast(person_mention_id as text) as person_mention_id,
        cast(person_id as text) as person_id,
        cast(document_id as text) as document_id,
        cast(mention_index as integer) as mention_index,
        cast(surface_text as text) as surface_text,
        cast(person_name as text) as document_person_name,
        cast(role as text) as role,
        cast(role_text as text) as role_text,
        cast(company_id as text) as company_id,
        cast(company_mention_id as text) as company_mention_id,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_text as text) as sentence_text,
        cast(published_date as date) as published_date,
        cast(reported_date as date) as reported_date,
        cast(extractor_version as text) as extractor_version

    from mentions

)

select * from final
