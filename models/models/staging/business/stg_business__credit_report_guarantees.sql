{#-
  One row per outside guarantee listed in a customer credit report, current as landed.
-#}
with

current_rows as (

    {{ business_current_rows('t_credit_report_guarantee', 'record_id') }}

),

renamed as (

    select
        current_rows.record_id,
        current_rows.application_id,
        current_rows.customer_id,
        current_rows.report_date,
        current_rows.guarantee_contract_no,
        current_rows.creditor_name,
        current_rows.borrower_name,
        current_rows.borrower_uscc,
        current_rows.guaranteed_amount_fen,
        current_rows.start_date,
        current_rows.end_date,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
