with

documents as (

    select * from {{ ref('int_document_stories') }}

),

companies as (

    select * from {{ ref('int_companies_unioned') }}

),

mentions as (

    select * from {{ ref('int_company_mentions_resolved') }}
    where company_id is not null

),

partnership_claims as (

    select * from {{ ref('int_partnership_claims_corrected') }}

),

sales_claims as (

    select * from {{ ref('int_sales_claims_corrected') }}

),

mention_stats as (

    select
        mentions.document_id,
        mentions.company_id,
        count(*) as mention_count,
        min(mentions.char_start) as first_char,
        bool_or(
            documents.title is not null
            and strpos(lower(documents.title), lower(mentions.surface_text)) > 0
        ) as in_title

    from mentions
    inner join documents
        on mentions.document_id = documents.document_id
    group by mentions.document_id, mentions.company_id

),

-- The document's most mentioned company, when it has at least dominance_min_mentions mentions
-- and twice as many as the next company: what the text keeps coming back to, title or not.
mention_ranks as (

    select
        document_id,
        company_id,
        row_number() over (
            partition by document_id order by mention_count desc, company_id asc
        ) = 1
        and mention_count >= {{ var('salience_dominance_min_mentions') }}
        and mention_count >= 2 * coalesce(
            lead(mention_count) over (
                partition by document_id order by mention_count desc, company_id asc
            ),
            0
        ) as is_dominant

    from mention_stats

),

-- Parties of the document's partnership and sales claims (after corrections).
claim_parties as (

    select
        document_id,
        company_a_id as company_id

    from partnership_claims

    union

    select
        document_id,
        company_b_id as company_id

    from partnership_claims

    union

    select
        document_id,
        company_id

    from sales_claims

),

pairs as (

    select
        document_id,
        company_id

    from mention_stats

    union

    select
        document_id,
        company_id

    from claim_parties

),

signals as (

    select
        pairs.document_id,
        pairs.company_id,
        documents.story_id,
        documents.reported_date,
        coalesce(mention_stats.mention_count, 0) as mention_count,
        mention_stats.first_char,
        coalesce(mention_stats.in_title, false) as in_title,
        coalesce(mention_stats.first_char < {{ var('salience_lead_chars') }}, false) as in_lead,
        -- Mentions relative to the document's most mentioned company.
        coalesce(
            1.0 * mention_stats.mention_count
            / nullif(max(mention_stats.mention_count) over (partition by pairs.document_id), 0),
            0
        ) as mention_share,
        claim_parties.company_id is not null as is_claim_party,
        coalesce(mention_ranks.is_dominant, false) as is_dominant,
        coalesce(companies.sector = 'media', false) as is_media

    from pairs
    inner join documents
        on pairs.document_id = documents.document_id
    left join mention_stats
        on
            pairs.document_id = mention_stats.document_id
            and pairs.company_id = mention_stats.company_id
    left join claim_parties
        on
            pairs.document_id = claim_parties.document_id
            and pairs.company_id = claim_parties.company_id
    left join mention_ranks
        on
            pairs.document_id = mention_ranks.document_id
            and pairs.company_id = mention_ranks.company_id
    left join companies
        on pairs.company_id = companies.company_id

),

scored as (

    select
        *,
        round(
            cast(
                {{ var('salience_weight_title') }} * cast(in_title as integer)
                + {{ var('salience_weight_lead') }} * cast(in_lead as integer)
                + {{ var('salience_weight_share') }} * mention_share
                + {{ var('salience_weight_claim') }} * cast(is_claim_party as integer)
                as numeric
            ),
            3
        ) as salience

    from signals

),

final as (

    select
        {{ generate_key(['document_id', 'company_id']) }} as document_company_id,
        document_id,
        company_id,
        story_id,
        reported_date,
        mention_count,
        first_char,
        in_title,
        in_lead,
        round(cast(mention_share as numeric), 3) as mention_share,
        is_claim_party,
        is_dominant,
        salience,
        -- A news agency or newspaper cited as the source is never what the article is about;
        -- a media company is a subject only as a party of a claim (a takeover of a publisher).
        (
            (salience >= {{ var('salience_subject_threshold') }} or is_dominant)
            and (not is_media or is_claim_party)
        ) as is_subject

    from scored

)

select * from final
