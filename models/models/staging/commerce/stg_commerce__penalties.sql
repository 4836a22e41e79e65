{#-
  One row per administrative penalty decision against an enterprise, from the latest pull of
  the enterprise.
-#}
with

current_rows as (

    {{ commerce_current_list('penalties', 'uscc, decision_no') }}

),

renamed as (

    select
        uscc || '|' || decision_no as penalty_key,
        uscc,
        decision_no,
        decision_date,
        authority,
        content,
        amount_fen,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
