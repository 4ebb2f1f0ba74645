import { Layout, type ViewContext } from '../../web/layout.js';
import { TOOLS_PATH, toolPath } from '../calculator.js';
import { TOOLS } from '../catalog.js';

export function ToolsIndex({ ctx }: { ctx: ViewContext }) {
  return (
    <Layout
      ctx={ctx}
      meta={{
        title: 'Værktøjer: beregnere og rygtest',
        description: 'Gratis beregnere til BMI, fedtprocent, kaloriebehov, løbetempo og 1RM, og STarT Back-skemaet om rygsmerter. Alle forklarer resultatet og deres kilde.',
        path: TOOLS_PATH,
        crumbs: [{ name: 'Værktøjer', path: TOOLS_PATH }],
      }}
    >
      <h1>Værktøjer</h1>
      <p class="lede">
        Små beregnere til træning og sundhed og et spørgeskema om rygsmerter. De virker uden login, og vi gemmer ikke det, du skriver.
        Hvert værktøj forklarer resultatet og viser, hvilken forskning det bygger på.
      </p>
      <ul class="tool-list">
        {TOOLS.map((tool) => (
          <li key={tool.slug} class="tool-card">
            <h2>
              <a href={toolPath(tool.slug)}>{tool.name}</a>
            </h2>
            <p>{tool.summary}</p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
