{#-
  One row per loan repayment, current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_repayment', 'repayment_id') }}

),

renamed as (

    select
        current_rows.repayment_id,
        current_rows.loan_id,
        {{ beijing_timestamp('current_rows.paid_at') }} as paid_at,
        cast({{ beijing_timestamp('current_rows.paid_at') }} as date) as paid_on,
        current_rows.principal_fen,
        current_rows.interest_fen,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
