{#-
  One row per organisation unit, current as landed; unit type decoded.
-#}
with

current_rows as (

    {{ business_current_rows('sys_org_unit', 'org_id') }}

),

renamed as (

    select
        current_rows.org_id,
        current_rows.org_name,
        {{ business_code('current_rows.org_type', 'org_type') }} as org_type,
        {{ business_label('current_rows.org_type', 'org_type') }} as org_type_label,
        current_rows.parent_org_id,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
