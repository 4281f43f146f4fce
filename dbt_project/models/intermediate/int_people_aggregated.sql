-- One row per person across documents: the name written most often (the longest form
-- first), and when and how often the person was seen.
with

mentions as (

    select * from {{ ref('int_person_mentions_resolved') }}

),

name_counts as (

    select
        person_id,
        person_name,
        count(*) as mention_count

    from mentions
    group by person_id, person_name

),

names_ranked as (

    select
        person_id,
        person_name,
        row_number() over (
            partition by person_id
            order by
                array_length(string_to_array(person_name, ' '), 1) desc,
                mention_count desc,
                person_name asc
        ) as name_rank

    from name_counts

),

aggregated as (

    select
        person_id,
        count(distinct document_id) as document_count,
        count(distinct document_id || ':' || char_start) as mention_count,
        count(distinct company_id) as company_count,
        min(reported_date) as first_seen_date,
        max(reported_date) as last_seen_date

    from mentions
    group by person_id

),

final as (

    select
        aggregated.person_id,
        names_ranked.person_name,
        aggregated.document_count,
        aggregated.mention_count,
        aggregated.company_count,
        aggregated.first_seen_date,
        aggregated.last_seen_date

    from aggregated
    inner join names_ranked
        on
            aggregated.person_id = names_ranked.person_id
            and names_ranked.name_rank = 1

)

select * from final
