with

mentions as (

    select * from {{ ref('int_company_mentions_resolved') }}

),

final as (

    select
        cast(mention_id as text) as mention_id,
        cast(document_id as text) as document_id,
        cast(company_id as text) as company_id,
        cast(mention_index as integer) as mention_index,
        cast(surface_text as text) as surface_text,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_text as text) as sentence_text,
        cast(match_method as text) as match_method,
        cast(resolution_method as text) as resolution_method,
        cast(extracted_company_id as text) as extracted_company_id,
        cast(published_date as date) as published_date,
        cast(reported_date as date) as reported_date,
        cast(extractor_version as text) as extractor_version

    from mentions

)

select * from final
