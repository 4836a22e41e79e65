{#-
  One row per enforcement case against an enterprise (被执行人), from the latest pull of the
  enterprise, flagging dishonest judgment debtors (失信).
-#}
with

current_rows as (

    {{ commerce_current_list('enforcements', 'uscc, case_no') }}

),

renamed as (

    select
        uscc || '|' || case_no as enforcement_key,
        uscc,
        case_no,
        filing_date,
        amount_fen,
        is_dishonest,
        court,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
