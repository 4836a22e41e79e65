{#-
  One row per guarantee contract (contract_no), current as landed: latest landing, source
  deletions excluded; codes decoded; the customer resolved through its project and application.
-#}
with

current_rows as (

    {{ business_current_rows('t_guarantee_contract', 'contract_no') }}

),

projects as (

    select
        project_id,
        application_id
    from {{ ref('stg_business__projects') }}

),

applications as (

    select
        application_id,
        customer_id
    from {{ ref('stg_business__applications') }}

),

renamed as (

    select
        current_rows.contract_no,
        current_rows.project_id,
        applications.customer_id,
        current_rows.partner_id,
        current_rows.product_code,
        current_rows.guaranteed_amount_fen,
        current_rows.start_date,
        current_rows.end_date,
        current_rows.fee_rate_bp,
        {{ business_code('current_rows.repayment_type', 'repayment_type') }} as repayment_type,
        {{ business_label('current_rows.repayment_type', 'repayment_type') }}
            as repayment_type_label,
        current_rows.renews_contract_no,
        current_rows.bank_contract_no,
        {{ business_code('current_rows.status', 'contract_status') }} as status,
        {{ business_label('current_rows.status', 'contract_status') }} as status_label,
        current_rows.letter_of_guarantee_no,
        {{ business_code('current_rows.guarantee_period', 'guarantee_period') }}
            as guarantee_period,
        {{ business_label('current_rows.guarantee_period', 'guarantee_period') }}
            as guarantee_period_label,
        current_rows.guarantee_period_end,
        current_rows.credit_line_id,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows
    left join projects on current_rows.project_id = projects.project_id
    left join applications on projects.application_id = applications.application_id

)

select * from renamed
