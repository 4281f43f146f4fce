with

claims as (

    select * from {{ ref('int_sales_claims_corrected') }}

),

stories as (

    select * from {{ ref('int_document_stories') }}

),

-- Claims from the most recent to the oldest: by reported date. Claims of the same date are
-- ordered by document id, not load time, so the result does not depend on when (or in how
-- many runs) the documents were loaded.
ranked as (

    select
        *,
        row_number() over (
            partition by sales_id
            order by
                reported_date desc,
                document_id desc,
                claim_index desc
        ) as recency_rank,
        row_number() over (
            partition by sales_id
            order by
                (reporting_body is null) asc,
                reported_date desc,
                document_id desc,
                claim_index desc
        ) as reporting_body_rank

    from claims

),

aggregated as (

    select
        claims.sales_id,
        claims.company_id,
        claims.metric,
        claims.period_start,
        claims.period_end,
        claims.period_grain,
        claims.market,
        claims.segment,
        min(claims.reported_date) as first_reported_date,
        max(claims.reported_date) as last_reported_date,
        count(distinct claims.document_id) as document_count,
        count(distinct stories.story_id) as story_count,
        count(*) as claim_count,
        count(distinct claims.value) as distinct_value_count,
        min(claims.value) as min_value,
        max(claims.value) as max_value

    from claims
    inner join stories
        on claims.document_id = stories.document_id
    group by
        claims.sales_id,
        claims.company_id,
        claims.metric,
        claims.period_start,
        claims.period_end,
        claims.period_grain,
        claims.market,
        claims.segment

),

latest_claims as (

    select * from ranked
    where recency_rank = 1

),

reporting_bodies as (

    select * from ranked
    where reporting_body_rank = 1

),

final as (

    select
        aggregated.sales_id,
        aggregated.company_id,
        aggregated.metric,
        latest_claims.value,
        latest_claims.unit,
        aggregated.period_start,
        aggregated.period_end,
        aggregated.period_grain,
        aggregated.market,
        aggregated.segment,
        reporting_bodies.reporting_body,
        aggregated.first_reported_date,
        aggregated.last_reported_date,
        aggregated.document_count,
        aggregated.story_count,
        aggregated.claim_count,
        aggregated.distinct_value_count,
        -- Conflict: two claims of different stories give different values (copies of one
        -- story that differ are no conflict). Given two values in two stories, some pair of
        -- claims differs in both, so this is the case exactly when there is more than one
        -- story and more than one value.
        (aggregated.story_count > 1 and aggregated.distinct_value_count > 1) as has_conflict,
        aggregated.min_value,
        aggregated.max_value,
        latest_claims.sentence_text as evidence_text,
        latest_claims.document_id as source_document_id,
        latest_claims.sales_mention_id as latest_sales_mention_id

    from aggregated
    inner join latest_claims
        on aggregated.sales_id = latest_claims.sales_id
    inner join reporting_bodies
        on aggregated.sales_id = reporting_bodies.sales_id

)

select * from final
