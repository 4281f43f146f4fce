-- A figure belongs to one company: no figure of a sentence is booked both to a brand and to a
-- company that owns it (directly or further up), which would count it twice in the group.
with recursive

companies as (

    select * from {{ ref('dim_companies') }}

),

-- Every company with each of its owners, up the chain of parents.
owners as (

    select
        company_id,
        parent_company_id as owner_id

    from companies
    where parent_company_id is not null

    union

    select
        owners.company_id,
        companies.parent_company_id as owner_id

    from owners
    inner join companies
        on owners.owner_id = companies.company_id
    where companies.parent_company_id is not null

),

mentions as (

    select * from {{ ref('fct_sales_mentions') }}

)

select
    owned.sales_mention_id,
    owned.company_id,
    owning.company_id as owner_id,
    owned.value_text

from mentions as owned
inner join owners
    on owned.company_id = owners.company_id
inner join mentions as owning
    on
        owners.owner_id = owning.company_id
        and owned.document_id = owning.document_id
        and owned.char_start = owning.char_start
        and owned.value_text = owning.value_text
        and owned.metric = owning.metric
