{#-
  One row per partner bank credit line to the company, current as landed; status decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_bank_credit_line', 'line_id') }}

),

renamed as (

    select
        current_rows.line_id,
        current_rows.partner_id,
        current_rows.line_amount_fen,
        current_rows.used_amount_fen,
        current_rows.start_date,
        current_rows.end_date,
        {{ business_code('current_rows.status', 'credit_line_status') }} as status,
        {{ business_label('current_rows.status', 'credit_line_status') }} as status_label,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
