-- One row per person, company and role stated anywhere; the earliest statement (by
-- reported date, then document and position; load time never decides) is the evidence.
with

mentions as (

    select * from {{ ref('int_person_mentions_resolved') }}
    where role is not null

),

ranked as (

    select
        *,
        row_number() over (
            partition by person_id, company_id, role
            order by reported_date asc, document_id asc, mention_index asc
        ) as evidence_rank

    from mentions

),

aggregated as (

    select
        person_id,
        company_id,
        role,
        min(reported_date) as first_reported_date,
        max(reported_date) as last_reported_date,
        count(distinct document_id) as document_count,
        count(*) as mention_count

    from mentions
    group by person_id, company_id, role

),

final as (

    select
        {{ generate_key(['aggregated.person_id', 'aggregated.company_id', 'aggregated.role']) }}
            as person_role_id,
        aggregated.person_id,
        aggregated.company_id,
        aggregated.role,
        ranked.role_text,
        aggregated.first_reported_date,
        aggregated.last_reported_date,
        aggregated.document_count,
        aggregated.mention_count,
        ranked.sentence_text as evidence_text,
        ranked.document_id as source_document_id,
        ranked.person_mention_id as source_person_mention_id

    from aggregated
    inner join ranked
        on
            aggregated.person_id = ranked.person_id
            and aggregated.company_id is not distinct from ranked.company_id
            and aggregated.role = ranked.role
            and ranked.evidence_rank = 1

)

select * from final
