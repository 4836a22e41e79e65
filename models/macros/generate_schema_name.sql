{#-
    Use a model's custom schema name as is (`staging`, `marts`, `reference`), not dbt's default
    `<target_schema>_<custom>`: the lake's schemas are fixed names that other parts read
    (`lake.marts.enterprises`). Without a custom schema, the target's schema.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
