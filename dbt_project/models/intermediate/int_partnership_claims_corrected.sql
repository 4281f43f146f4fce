with

claims as (

    select * from {{ ref('int_partnership_claims_resolved') }}

),

correction_rows as (

    select * from {{ ref('correction_partnerships') }}

),

corrections as (

    select
        company_a_id,
        company_b_id,
        partnership_type,
        action,
        new_partnership_type,
        partnership_type in {{ directed_partnership_types() }} as is_directed_match,
        case when action = 'reject' then 1 else 2 end as action_priority

    from correction_rows
    where action in ('reject', 'retype')
        and company_a_id is not null
        and company_b_id is not null

),

-- A correction matches a claim of its type (any type when the correction leaves it empty)
-- between the same two companies; for a directed type the direction must match as well.
matches as (

    select
        claims.partnership_mention_id,
        corrections.action,
        corrections.new_partnership_type,
        corrections.company_a_id as correction_company_a_id,
        corrections.company_b_id as correction_company_b_id,
        row_number() over (
            partition by claims.partnership_mention_id
            order by
                corrections.action_priority asc,
                corrections.new_partnership_type asc,
                corrections.company_a_id asc,
                corrections.company_b_id asc
        ) as match_rank

    from claims
    inner join corrections
        on
            (corrections.partnership_type is null or claims.partnership_type = corrections.partnership_type)
            and (
                (
                    coalesce(corrections.is_directed_match, false)
                    and claims.company_a_id = corrections.company_a_id
                    and claims.company_b_id = corrections.company_b_id
                )
                or (
                    not coalesce(corrections.is_directed_match, false)
                    and least(claims.company_a_id, claims.company_b_id)
                    = least(corrections.company_a_id, corrections.company_b_id)
                    and greatest(claims.company_a_id, claims.company_b_id)
                    = greatest(corrections.company_a_id, corrections.company_b_id)
                )
            )

),

-- Rejected claims are dropped; retyped claims take the new type.
retyped as (

    select
        claims.*,
        matches.action as correction_action,
        matches.correction_company_a_id,
        matches.correction_company_b_id,
        case
            when matches.action = 'retype' then matches.new_partnership_type
            else claims.partnership_type
        end as corrected_partnership_type

    from claims
    left join matches
        on
            claims.partnership_mention_id = matches.partnership_mention_id
            and matches.match_rank = 1
    where matches.action is null
        or matches.action <> 'reject'

),

-- A retyped claim is put in the order of its new type: into a directed type the direction
-- is the one written in the correction (company a = investor or buyer), into any other type
-- the pair is ordered by id.
reordered as (

    select
        *,
        case
            when correction_action is null then company_a_id
            when corrected_partnership_type in {{ directed_partnership_types() }} then correction_company_a_id
            when (company_a_id collate "C") < (company_b_id collate "C") then company_a_id
            else company_b_id
        end as corrected_company_a_id,
        case
            when correction_action is null then company_b_id
            when corrected_partnership_type in {{ directed_partnership_types() }} then correction_company_b_id
            when (company_a_id collate "C") < (company_b_id collate "C") then company_b_id
            else company_a_id
        end as corrected_company_b_id

    from retyped

),

final as (

    select
        partnership_mention_id,
        {{ generate_key(['corrected_company_a_id', 'corrected_company_b_id', 'corrected_partnership_type']) }}
            as partnership_id,
        document_id,
        claim_index,
        corrected_company_a_id as company_a_id,
        corrected_company_b_id as company_b_id,
        corrected_partnership_type as partnership_type,
        partnership_type as stated_partnership_type,
        correction_action,
        status,
        stake_percent,
        amount_value,
        amount_currency,
        trigger_text,
        sentence_text,
        char_start,
        char_end,
        published_date,
        reported_date,
        loaded_at,
        extractor_version

    from reordered

)

select * from final
