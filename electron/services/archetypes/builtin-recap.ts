// The archetype used when a site has none: an event recap, the kind of post these sites hold
// most. Same shape as the posts writers already have (title, description, slug, dates, draft,
// taxonomies, summary, contributors), so the form shows its usual fields at once.
export const BUILTIN_RECAP = `---
title: ""
description: ""
slug: "{{ .Name }}"
date: {{ .Date }}
draft: true
tags: []
categories: []
summary: ""
contributors: []
---

## At a glance

- **Event**:
- **Where**:
- **When**:

## Highlights

## Talks we enjoyed

### Talk title

**Speaker**: Name (Company)

## What we take home
`;
