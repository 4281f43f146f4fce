with

claims as (

    select * from {{ ref('int_partnership_claims_corrected') }}

),

-- One row per status with its merge rank: the one order of statuses, shared with the extractor.
statuses as (

    select * from {{ ref('reference_partnership_statuses') }}

),

stories as (

    select * from {{ ref('int_document_stories') }}

),

-- Claims from the most recent to the oldest: by reported date. Claims of the same date are
-- ordered by document id, not load time, so the result does not depend on when (or in how
-- many runs) the documents were loaded. Between equally recent claims the lower merge rank
-- of the status wins (reference_partnership_statuses): a denial, cancellation or rejection
-- over any positive status, then the most advanced positive status.
ranked as (

    select
        claims.*,
        row_number() over (
            partition by claims.partnership_id
            order by
                claims.reported_date desc,
                statuses.merge_rank asc,
                claims.document_id desc,
                claims.claim_index desc
        ) as recency_rank,
        row_number() over (
            partition by claims.partnership_id
            order by
                (claims.stake_percent is null) asc,
                claims.reported_date desc,
                claims.document_id desc,
                claims.claim_index desc
        ) as stake_rank,
        row_number() over (
            partition by claims.partnership_id
            order by
                (claims.amount_value is null) asc,
                claims.reported_date desc,
                claims.document_id desc,
                claims.claim_index desc
        ) as amount_rank

    from claims
    left join statuses
        on claims.status = statuses.status

),

aggregated as (

    select
        claims.partnership_id,
        claims.company_a_id,
        claims.company_b_id,
        claims.partnership_type,
        min(claims.reported_date) as first_reported_date,
        max(claims.reported_date) as last_reported_date,
        count(distinct claims.document_id) as document_count,
        count(distinct stories.story_id) as story_count,
        count(*) as claim_count

    from claims
    inner join stories
        on claims.document_id = stories.document_id
    group by claims.partnership_id, claims.company_a_id, claims.company_b_id, claims.partnership_type

),

latest_claims as (

    select * from ranked
    where recency_rank = 1

),

latest_stakes as (

    select * from ranked
    where stake_rank = 1

),

latest_amounts as (

    select * from ranked
    where amount_rank = 1

),

final as (

    select
        aggregated.partnership_id,
        aggregated.company_a_id,
        aggregated.company_b_id,
        aggregated.partnership_type,
        latest_claims.status,
        aggregated.first_reported_date,
        aggregated.last_reported_date,
        aggregated.document_count,
        aggregated.story_count,
        aggregated.claim_count,
        latest_stakes.stake_percent,
        latest_amounts.amount_value,
        latest_amounts.amount_currency,
        latest_claims.sentence_text as evidence_text,
        latest_claims.document_id as source_document_id,
        latest_claims.partnership_mention_id as latest_partnership_mention_id

    from aggregated
    inner join latest_claims
        on aggregated.partnership_id = latest_claims.partnership_id
    inner join latest_stakes
        on aggregated.partnership_id = latest_stakes.partnership_id
    inner join latest_amounts
        on aggregated.partnership_id = latest_amounts.partnership_id

)

select * from final
