{#-
  One row per business customer and record of another source (commerce enterprise, tax taxpayer,
  bank account) that could be the same party, with how they match: the USCC, the ID number, the
  normalised name (organisations only), or a former name from the commerce 名称变更 records. The
  evidence the match rule (int_customers__matched) decides on.
-#}
with

customers as (

    select
        customer_id,
        customer_name,
        customer_type,
        {{ normalised_code('uscc') }} as uscc,
        {{ normalised_code('id_number') }} as id_number,
        {{ normalised_name('customer_name') }} as name_key
    from {{ ref('stg_business__customers') }}

),

commerce_names as (

    select
        uscc as record_key,
        {{ normalised_code('uscc') }} as uscc,
        enterprise_name as record_name,
        'current' as name_kind
    from {{ ref('stg_commerce__enterprises') }}

    union all

    select
        uscc as record_key,
        {{ normalised_code('uscc') }} as uscc,
        before_content as record_name,
        'former' as name_kind
    from {{ ref('stg_commerce__changes') }}
    where change_item = '名称变更' and before_content is not null

),

tax_parties as (

    select
        seller_uscc as uscc,
        seller_name as party_name,
        issue_date
    from {{ ref('stg_tax__vat_invoices') }}

    union all

    select
        buyer_uscc as uscc,
        buyer_name as party_name,
        issue_date
    from {{ ref('stg_tax__vat_invoices') }}

),

records as (

    select
        'commerce' as record_source,
        record_key,
        uscc,
        cast(null as varchar) as id_number,
        record_name,
        name_kind
    from commerce_names

    union all

    select
        'tax' as record_source,
        uscc as record_key,
        {{ normalised_code('uscc') }} as uscc,
        cast(null as varchar) as id_number,
        arg_max(party_name, issue_date) as record_name,
        'current' as name_kind
    from tax_parties
    where uscc is not null
    group by uscc

    union all

    select
        'bank' as record_source,
        account_no as record_key,
        {{ normalised_code('holder_uscc') }} as uscc,
        {{ normalised_code('holder_id_number') }} as id_number,
        holder_name as record_name,
        'current' as name_kind
    from {{ ref('stg_bank__accounts') }}

),

keyed_records as (

    select
        *,
        {{ normalised_name('record_name') }} as name_key
    from records

),

candidates as (

    select
        r.record_source,
        r.record_key,
        c.customer_id,
        'uscc' as match_method,
        1 as match_rank,
        r.record_name,
        c.customer_name
    from keyed_records as r
    inner join customers as c on r.uscc = c.uscc
    where r.name_kind = 'current'

    union all

    select
        r.record_source,
        r.record_key,
        c.customer_id,
        'id_number' as match_method,
        2 as match_rank,
        r.record_name,
        c.customer_name
    from keyed_records as r
    inner join customers as c on r.id_number = c.id_number
    where r.name_kind = 'current'

    union all

    select
        r.record_source,
        r.record_key,
        c.customer_id,
        case r.name_kind when 'former' then 'former_name' else 'name' end as match_method,
        case r.name_kind when 'former' then 4 else 3 end as match_rank,
        r.record_name,
        c.customer_name
    from keyed_records as r
    inner join customers as c on r.name_key = c.name_key
    -- A person's name is no identity (many share one): farmers match by ID number only.
    where c.customer_type != 'farmer'

)

select distinct
    record_source || '|' || record_key || '|' || customer_id || '|' || match_method
        as candidate_key,
    record_source,
    record_key,
    customer_id,
    match_method,
    match_rank,
    record_name,
    customer_name
from candidates
