{#-
  One row per post-guarantee check, current as landed; finding decoded.
-#}
with

current_rows as (

    {{ business_current_rows('t_post_check', 'check_id') }}

),

renamed as (

    select
        current_rows.check_id,
        current_rows.contract_no,
        {{ beijing_timestamp('current_rows.checked_at') }} as checked_at,
        cast({{ beijing_timestamp('current_rows.checked_at') }} as date) as checked_on,
        current_rows.officer_name,
        current_rows.officer_user_id,
        {{ business_code('current_rows.finding', 'post_check_finding') }} as finding,
        {{ business_label('current_rows.finding', 'post_check_finding') }} as finding_label,
        {{ beijing_timestamp('current_rows.updated_at') }} as updated_at,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
