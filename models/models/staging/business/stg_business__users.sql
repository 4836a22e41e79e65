{#-
  One row per system user, current as landed; role decoded.
-#}
with

current_rows as (

    {{ business_current_rows('sys_user', 'user_id') }}

),

renamed as (

    select
        current_rows.user_id,
        current_rows.user_name,
        current_rows.org_id,
        {{ business_code('current_rows.role', 'user_role') }} as user_role,
        {{ business_label('current_rows.role', 'user_role') }} as user_role_label,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
