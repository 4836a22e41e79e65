{#-
  One row per bank loan disbursed under a guarantee contract, current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_loan', 'loan_id') }}

),

renamed as (

    select
        current_rows.loan_id,
        current_rows.contract_no,
        current_rows.bank_loan_no,
        {{ beijing_timestamp('current_rows.disbursed_at') }} as disbursed_at,
        cast({{ beijing_timestamp('current_rows.disbursed_at') }} as date) as disbursed_on,
        current_rows.principal_fen,
        current_rows.maturity_date,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
