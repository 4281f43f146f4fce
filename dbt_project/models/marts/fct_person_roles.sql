with

roles as (

    select * from {{ ref('int_person_roles_aggregated') }}

),

people as (

    select * from {{ ref('dim_people') }}

),

final as (

    select
        cast(roles.person_role_id as text) as person_role_id,
        cast(roles.person_id as text) as person_id,
        cast(people.person_name as text) as person_name,
        cast(roles.company_id as text) as company_id,
        cast(roles.role as text) as role,
        cast(roles.role_text as text) as role_text,
        cast(roles.first_reported_date as date) as first_reported_date,
        cast(roles.last_reported_date as date) as last_reported_date,
        cast(roles.document_count as integer) as document_count,
        cast(roles.mention_count as integer) as mention_count,
        cast(roles.evidence_text as text) as evidence_text,
        cast(roles.source_document_id as text) as source_document_id

    from roles
    inner join people
        on roles.person_id = people.person_id

)

select * from final
