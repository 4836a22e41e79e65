{#-
  One row per guarantee application, current as landed (withdrawn applications purged at the
  source are gone); status, purpose and channel decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_application', 'application_id') }}

),

renamed as (

    select
        current_rows.application_id,
        current_rows.customer_id,
        {{ beijing_timestamp('current_rows.applied_at') }} as applied_at,
        cast({{ beijing_timestamp('current_rows.applied_at') }} as date) as applied_on,
        current_rows.amount_fen,
        current_rows.term_months,
        {{ business_code('current_rows.purpose', 'application_purpose') }} as purpose,
        {{ business_label('current_rows.purpose', 'application_purpose') }} as purpose_label,
        {{ business_code('current_rows.channel', 'application_channel') }} as channel,
        {{ business_label('current_rows.channel', 'application_channel') }} as channel_label,
        {{ business_code('current_rows.status', 'application_status') }} as status,
        {{ business_label('current_rows.status', 'application_status') }} as status_label,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
