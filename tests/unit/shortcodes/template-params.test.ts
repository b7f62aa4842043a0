import { describe, expect, it } from 'vitest';
import { templateParams } from '../../../shared/shortcodes/template-params';

describe('templateParams', () => {
  it('reads a figure-like template: image src, url link, numbers, with and $-variables', () => {
    const figure = [
      '<figure{{ with .Get "class" }} class="{{ . }}"{{ end }}>',
      '  {{- if .Get "link" -}}<a href="{{ .Get "link" }}">{{- end -}}',
      '  {{- $w := .Get "width" -}}',
      '  <img src="{{ .Get "src" }}" alt="{{ .Get "alt" }}"{{ if gt (int $w) 0 }} width="{{ $w }}"{{ end }}>',
      '  {{- with .Get "caption" }}<figcaption>{{ . }}</figcaption>{{ end -}}',
      '  {{- with .Get "more" }}<a href="{{ . }}">{{ with $.Get "label" }}{{ . }}{{ end }}</a>{{ end -}}',
      '</figure>',
    ].join('\n');
    expect(templateParams(figure)).toEqual({
      params: [
        { name: 'class', type: 'text' },
        { name: 'link', type: 'url' },
        { name: 'width', type: 'number' },
        { name: 'src', type: 'image' },
        { name: 'alt', type: 'text' },
        { name: 'caption', type: 'text' },
        { name: 'more', type: 'url' },
        { name: 'label', type: 'text' },
      ],
    });
  });

  it('reads a youtube-like template: positional first, $.Get, a boolean default, a number default', () => {
    const yt = [
      '{{- /* Embeds a video. {{< yt "ID" >}} */ -}}',
      '{{ $id := .Get "id" | default ($.Get 0) }}',
      '{{ $autoplay := default "false" (.Get "autoplay") }}',
      '{{ $start := .Get "start" | default 0 }}',
      '<iframe src="https://www.youtube.com/embed/{{ $id }}?autoplay={{ if eq $autoplay "true" }}1{{ end }}&start={{ $start }}"></iframe>',
    ].join('\n');
    expect(templateParams(yt)).toEqual({
      help: 'Embeds a video. {{< yt "ID" >}}',
      params: [
        { name: null, position: 0, type: 'text' },
        { name: 'id', type: 'text' },
        { name: 'autoplay', type: 'boolean', default: 'false' },
        { name: 'start', type: 'number', default: '0' },
      ],
    });
  });

  it('reads a callout: `| default "info"`, `with .Get "title"`, and the help comment (with its inner tags)', () => {
    const callout = [
      '{{- /* {{< callout type="warning" title="Heads up" >}} text {{< /callout >}}; type and title are optional. */ -}}',
      '{{- $type := .Get "type" | default "info" -}}',
      '<aside class="callout callout-{{ $type }}">',
      '  {{- with .Get "title" }}<strong>{{ . }}</strong>{{ end }}',
      '  {{ .Inner | markdownify }}',
      '</aside>',
    ].join('\n');
    expect(templateParams(callout)).toEqual({
      help: '{{< callout type="warning" title="Heads up" >}} text {{< /callout >}}; type and title are optional.',
      params: [
        { name: 'type', type: 'text', default: 'info' },
        { name: 'title', type: 'text' },
      ],
    });
  });

  it('finds parameters inside if/eq, index .Params, .Params.name, images piped to resources', () => {
    const t = [
      '{{/* Gallery card */}}',
      '{{ if eq (.Get "wide") "true" }}wide{{ end }}',
      '{{ $img := .Page.Resources.GetMatch (index .Params "photo") }}',
      '{{ with resources.Get (.Get "banner") }}{{ .RelPermalink }}{{ end }}',
      '<a href="{{ .Params.target }}">{{ .Params.label }}</a>',
      '{{ if lt (.Get "count") 3 }}few{{ end }}',
      '{{ index .Params 1 }}',
    ].join('\n');
    expect(templateParams(t)).toEqual({
      help: 'Gallery card',
      params: [
        { name: null, position: 1, type: 'text' },
        { name: 'wide', type: 'boolean' },
        { name: 'photo', type: 'image' },
        { name: 'banner', type: 'image' },
        { name: 'target', type: 'url' },
        { name: 'label', type: 'text' },
        { name: 'count', type: 'number' },
      ],
    });
  });

  it('reads nothing from a template without parameters, and no help from a comment that is not first', () => {
    expect(templateParams('<hr>\n{{/* not help */}}\n{{ .Inner }}')).toEqual({ params: [] });
    expect(templateParams('')).toEqual({ params: [] });
  });
});
