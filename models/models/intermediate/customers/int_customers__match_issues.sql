{#-
  One row per matching problem that needs a person: a record of another source whose strongest
  rule finds several business customers (`conflicting`, candidates listed), and a business
  customer other than a farmer that no commerce record matches (`no_commerce_record`: an invalid
  USCC and a name the register does not know). Nothing here is matched automatically.
-#}
with

candidates as (

    select * from {{ ref('int_customers__match_candidates') }}

),

best_rank as (

    select
        record_source,
        record_key,
        min(match_rank) as match_rank
    from candidates
    group by record_source, record_key

),

conflicting as (

    select
        'conflicting' as issue,
        candidates.record_source,
        candidates.record_key,
        cast(null as varchar) as customer_id,
        min(candidates.match_method) as match_method,
        string_agg(distinct candidates.customer_id, ',' order by candidates.customer_id)
            as candidate_customer_ids,
        min(candidates.record_name) as record_name
    from candidates
    inner join best_rank
        on
            candidates.record_source = best_rank.record_source
            and candidates.record_key = best_rank.record_key
            and candidates.match_rank = best_rank.match_rank
    group by candidates.record_source, candidates.record_key
    having count(distinct candidates.customer_id) > 1

),

matched_to_commerce as (

    select distinct customer_id
    from {{ ref('int_customers__matched') }}
    where record_source = 'commerce'

),

no_commerce_record as (

    select
        'no_commerce_record' as issue,
        'business' as record_source,
        customers.customer_id as record_key,
        customers.customer_id,
        cast(null as varchar) as match_method,
        cast(null as varchar) as candidate_customer_ids,
        customers.customer_name as record_name
    from {{ ref('stg_business__customers') }} as customers
    where
        customers.customer_type != 'farmer'
        and customers.customer_id not in (
            select matched_to_commerce.customer_id from matched_to_commerce
        )

),

issues as (

    select * from conflicting
    union all
    select * from no_commerce_record

)

select
    issue || '|' || record_source || '|' || record_key as issue_key,
    *
from issues
