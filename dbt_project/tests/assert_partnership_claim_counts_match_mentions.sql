-- claim_count and document_count of fct_partnerships agree with fct_partnership_mentions.
with

mention_counts as (

    select
        partnership_id,
        count(*) as claim_count,
        count(distinct document_id) as document_count

    from {{ ref('fct_partnership_mentions') }}
    group by partnership_id

)

select
    partnerships.partnership_id,
    partnerships.claim_count,
    mention_counts.claim_count as mention_claim_count

from {{ ref('fct_partnerships') }} as partnerships
left join mention_counts
    on partnerships.partnership_id = mention_counts.partnership_id
where mention_counts.claim_count is distinct from partnerships.claim_count
    or mention_counts.document_count is distinct from partnerships.document_count
