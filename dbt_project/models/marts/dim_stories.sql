with

documents as (

    select * from {{ ref('int_document_stories') }}

),

-- The story's title: its first document's, or the next document's that has one.
titles as (

    select
        story_id,
        title,
        row_number() over (
            partition by story_id
            order by (document_id = story_id) desc, reported_date asc, document_id asc
        ) as title_rank

    from documents
    where title is not null

),

aggregated as (

    select
        story_id,
        min(published_date) as first_published_date,
        max(published_date) as last_published_date,
        min(reported_date) as first_reported_date,
        max(reported_date) as last_reported_date,
        count(*) as document_count,
        string_agg(distinct language, ',' order by language) as languages

    from documents
    group by story_id

),

final as (

    select
        cast(aggregated.story_id as text) as story_id,
        cast(titles.title as text) as title,
        cast(aggregated.first_published_date as date) as first_published_date,
        cast(aggregated.last_published_date as date) as last_published_date,
        cast(aggregated.first_reported_date as date) as first_reported_date,
        cast(aggregated.last_reported_date as date) as last_reported_date,
        cast(aggregated.document_count as bigint) as document_count,
        cast(aggregated.languages as text) as languages

    from aggregated
    left join titles
        on
            aggregated.story_id = titles.story_id
            and titles.title_rank = 1

)

select * from final
