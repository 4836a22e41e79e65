{#-
  One row per ledger customer with the classes the weights and the report need: 小型, 微型 (an
  individual business counts as 微型 unless option individual_business_as_micro = by_size),
  小微, farmer, individual.
-#}
with

customers as (

    select * from {{ ref('int_ledger__customers') }}

)

select
    customer_key,
    customer_name,
    customer_type,
    sme_size,
    related_group_key,
    customer_type in ('enterprise', 'individual_business') and sme_size = 'small' as is_small,
    (customer_type in ('enterprise', 'individual_business') and sme_size = 'micro')
    or (
        customer_type = 'individual_business'
        and {{ reg_option_is('individual_business_as_micro', 'micro') }}
    ) as is_micro,
    customer_type = 'farmer' as is_farmer,
    customer_type in ('individual', 'farmer') as is_person
from customers
