{#-
  One row per executive (person and position) of an enterprise, from the latest pull of the
  enterprise.
-#}
with

current_rows as (

    {{ commerce_current_list('executives', 'uscc, person_name, position') }}

),

renamed as (

    select
        concat_ws('|', uscc, person_name, position) as executive_key,
        uscc,
        person_name,
        position,
        landing_window,
        landing_id,
        landed_at

    from current_rows

)

select * from renamed
