#!/usr/bin/env python3
"""Writes the benchmark changelog: N groups of four changesets (createTable, addColumn with a default
value, createIndex, insert), i.e. 4*N changesets; N=500 gives the 2,000-changeset changelog.

  scripts/bench/generate_changelog.py OUT.xml [--groups 500]
"""
import argparse

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd">
"""

GROUP = """    <changeSet id="{i}-table" author="bench">
        <createTable tableName="bench_{i}">
            <column name="id" type="BIGINT"><constraints primaryKey="true" nullable="false"/></column>
            <column name="name" type="VARCHAR(100)"><constraints nullable="false"/></column>
            <column name="created_at" type="TIMESTAMP"/>
        </createTable>
    </changeSet>
    <changeSet id="{i}-column" author="bench">
        <addColumn tableName="bench_{i}">
            <column name="amount" type="INT" defaultValueNumeric="0"/>
        </addColumn>
    </changeSet>
    <changeSet id="{i}-index" author="bench">
        <createIndex indexName="idx_bench_{i}_name" tableName="bench_{i}">
            <column name="name"/>
        </createIndex>
    </changeSet>
    <changeSet id="{i}-row" author="bench">
        <insert tableName="bench_{i}">
            <column name="id" valueNumeric="{i}"/>
            <column name="name" value="row {i}"/>
            <column name="amount" valueNumeric="{i}"/>
        </insert>
    </changeSet>
"""


def generate(groups):
    return HEADER + "".join(GROUP.format(i=i) for i in range(groups)) + "</databaseChangeLog>\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--groups", type=int, default=500)
    args = ap.parse_args()
    with open(args.out, "w") as f:
        f.write(generate(args.groups))


if __name__ == "__main__":
    main()
