{#-
  One row per entry of the legacy system's code dictionary (sys_dict: dict type and code), current
  as landed, with whether the platform's code table (ref_business_codes) holds the same code and
  label; an entry it does not hold is a code the staging models cannot decode yet.
-#}
with

current_rows as (

    {{ business_current_rows('sys_dict', 'dict_id') }}

),

renamed as (

    select
        current_rows.dict_id,
        current_rows.dict_type,
        current_rows.code,
        current_rows.label,
        exists(
            select 1
            from {{ ref('ref_business_codes') }} as bc
            where
                bc.dict_type = current_rows.dict_type
                and bc.code = current_rows.code
                and bc.label = current_rows.label
        ) as is_in_code_table,
        current_rows.landing_window,
        current_rows.landing_id,
        current_rows.landed_at

    from current_rows

)

select * from renamed
