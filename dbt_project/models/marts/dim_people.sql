with

people as (

    select * from {{ ref('int_people_aggregated') }}

),

final as (

    select
        cast(person_id as text) as person_id,
        cast(person_name as text) as person_name,
        cast(document_count as integer) as document_count,
        cast(mention_count as integer) as mention_count,
        cast(company_count as integer) as company_count,
        cast(first_seen_date as date) as first_seen_date,
        cast(last_seen_date as date) as last_seen_date

    from people

)

select * from final
