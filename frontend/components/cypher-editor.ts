import { LitElement, css, html, PropertyValues } from 'lit';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { StreamLanguage, defaultHighlightStyle, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { cypher } from '@codemirror/legacy-modes/mode/cypher';

/**
 * A Cypher editor with syntax colouring (CodeMirror 6). Its text is the `value` property; edits are sent
 * back with a `value-changed` event, and Ctrl/Cmd+Enter fires `run`.
 */
export class CypherEditor extends LitElement {
  static properties = {
    value: { type: String },
  };

  static styles = css`
    :host {
      display: block;
      border: 1px solid var(--lumo-contrast-20pct, #ccc);
      border-radius: var(--lumo-border-radius-m, 4px);
      background: var(--lumo-base-color, #fff);
      font-size: 14px;
    }
    .cm-editor {
      min-height: 8em;
      max-height: 24em;
    }
    .cm-editor.cm-focused {
      outline: 2px solid var(--lumo-primary-color-50pct, #90caf9);
    }
    .cm-scroller {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    }
  `;

  value = '';

  private view?: EditorView;

  render() {
    return html`<div id="editor"></div>`;
  }

  firstUpdated() {
    this.view = new EditorView({
      parent: this.renderRoot.querySelector('#editor') as HTMLElement,
      root: this.renderRoot as ShadowRoot,
      state: EditorState.create({
        doc: this.value,
        extensions: [
          lineNumbers(),
          history(),
          bracketMatching(),
          StreamLanguage.define(cypher),
          syntaxHighlighting(defaultHighlightStyle),
          placeholder('MATCH (p:Physician) RETURN p.name LIMIT 10'),
          keymap.of([
            { key: 'Mod-Enter', run: () => { this.dispatchEvent(new CustomEvent('run')); return true; } },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              this.value = update.state.doc.toString();
              this.dispatchEvent(new CustomEvent('value-changed', { detail: { value: this.value } }));
            }
          }),
        ],
      }),
    });
  }

  updated(changed: PropertyValues) {
    if (changed.has('value') && this.view && this.view.state.doc.toString() !== this.value) {
      this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: this.value ?? '' } });
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = undefined;
  }
}

customElements.define('liaison-cypher-editor', CypherEditor);
