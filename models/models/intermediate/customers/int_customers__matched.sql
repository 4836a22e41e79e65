{#-
  One row per record of another source (commerce enterprise, tax taxpayer, bank account) matched
  to exactly one business customer: the strongest rule that finds a customer wins (USCC, then ID
  number, then normalised name, then a commerce former name), and only when it finds one customer.
  `match_evidence` lists every rule pairing the two, so a USCC match whose names disagree shows.
  Ambiguous records are in int_customers__match_issues, never here.
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

best as (

    select
        candidates.record_source,
        candidates.record_key,
        min(candidates.customer_id) as customer_id,
        count(distinct candidates.customer_id) as customer_count,
        min(candidates.match_method) as match_method
    from candidates
    inner join best_rank
        on
            candidates.record_source = best_rank.record_source
            and candidates.record_key = best_rank.record_key
            and candidates.match_rank = best_rank.match_rank
    group by candidates.record_source, candidates.record_key

),

evidence as (

    select
        record_source,
        record_key,
        customer_id,
        string_agg(match_method, ',' order by match_rank) as match_evidence,
        bool_or(
            match_method in ('name', 'former_name')
            or {{ normalised_name('record_name') }} = {{ normalised_name('customer_name') }}
        ) as names_agree,
        min(record_name) as record_name,
        min(customer_name) as customer_name
    from candidates
    group by record_source, record_key, customer_id

)

select
    best.record_source || '|' || best.record_key as match_key,
    best.record_source,
    best.record_key,
    best.customer_id,
    best.match_method,
    evidence.match_evidence,
    evidence.names_agree,
    evidence.record_name,
    evidence.customer_name
from best
inner join evidence
    on
        best.record_source = evidence.record_source
        and best.record_key = evidence.record_key
        and best.customer_id = evidence.customer_id
where best.customer_count = 1
