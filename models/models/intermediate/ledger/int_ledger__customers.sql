{#-
  One row per customer (被担保人) of the ledger the regulatory numbers read.
  customer_type: enterprise | individual_business | individual | farmer; sme_size: large | medium |
  small | micro (工信部联企业〔2011〕300号) or null when unknown; related_group_key: the customer's
  related-party group (itself when it has none).
  lake: raw_business.t_customer (farmers' cooperatives are enterprises), the size from
  int_ledger__customer_sizes (annual reports and the 300号 thresholds), the group from the
  actual controller in t_related_party.
  csv: an external ledger's customers.csv.
-#}
{% if var('ledger_source') == 'csv' %}

with

source as (

    select *
    from {{ ledger_csv('customers.csv', {
        'customer_id': 'varchar',
        'customer_name': 'varchar',
        'customer_type': 'varchar',
        'sme_size': 'varchar',
        'related_group': 'varchar',
    }) }}

)

select
    customer_id as customer_key,
    customer_name,
    customer_type,
    nullif(trim(sme_size), '') as sme_size,
    coalesce(nullif(trim(related_group), ''), customer_id) as related_group_key
from source

{% else %}

{#-
  A customer whose record the connector quarantined (a planted invalid USCC) still holds
  guarantees, so its latest quarantined record is read too: the regulatory numbers must not drop
  a guarantee. The quarantine table is not a declared source, hence the relation built here.
-#}
    {%- set customers_source = source('raw_business', 't_customer') %}
{%- set quarantine = api.Relation.create(
    database=customers_source.database,
    schema=customers_source.schema,
    identifier='t_customer__quarantine',
) %}
{#-
  Related-party group: companies under one actual controller (t_related_party 实际控制人, by ID
  number) form one group; any other customer is its own. A lake landed before the legacy system
  recorded related parties has no such table: every customer is then its own group.
-#}
    {%- set related_source = source('raw_business', 't_related_party') %}
    {%- set has_related = execute and load_relation(related_source) is not none %}

    with

    customers as (

        select
            customer_id,
            customer_name,
            customer_type,
            _window as landing_window,
            _landed_at as landed_at
        from {{ customers_source }}

    ),

    quarantined as (

        select
            json_extract_string(record, '$.customer_id') as customer_id,
            json_extract_string(record, '$.customer_name') as customer_name,
            json_extract_string(record, '$.customer_type') as customer_type,
            _window as landing_window,
            _landed_at as landed_at
        from {{ quarantine }}

    ),

    latest_customers as (
        {{ latest_landing('customers', 'customer_id') }}
    ),

    latest_quarantined as (
        {{ latest_landing('quarantined', 'customer_id') }}
    ),

    all_customers as (

        select
            customer_id,
            customer_name,
            customer_type
        from latest_customers

        union all

        select
            q.customer_id,
            q.customer_name,
            q.customer_type
        from latest_quarantined as q
        anti join latest_customers as c on q.customer_id = c.customer_id

    ),

    {%- if has_related %}

    related_parties as (

        select
            relation_id,
            customer_id,
            relation_type,
            party_id_number,
            _window as landing_window,
            _landed_at as landed_at
        from {{ related_source }}

    ),

    latest_related_parties as (
        {{ latest_landing('related_parties', 'relation_id') }}
    ),

    controllers as (

        select
            customer_id,
            'controller:' || min(party_id_number) as related_group_key
        from latest_related_parties
        where relation_type = '实际控制人' and party_id_number is not null
        group by customer_id

    )
    {%- else %}

        controllers as (

            select
                cast(null as varchar) as customer_id,
                cast(null as varchar) as related_group_key
            where false

        )
    {%- endif %}

    select
        a.customer_id as customer_key,
        a.customer_name,
        case a.customer_type
            when '个体工商户' then 'individual_business'
            when '农户' then 'farmer'
            when '个人' then 'individual'
            else 'enterprise'
        end as customer_type,
        s.sme_size,
        coalesce(g.related_group_key, a.customer_id) as related_group_key
    from all_customers as a
    left join {{ ref('int_ledger__customer_sizes') }} as s on a.customer_id = s.customer_key
    left join controllers as g on a.customer_id = g.customer_id

{% endif %}
