import { stringifyEntityRef } from '@atrium/catalog-model';
import { ErrorPanel, Link, Page, Progress } from '@atrium/ui';
import { useApi } from '@atrium/web-kernel';
import Paper from '@mui/material/Paper';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { JsonObject } from '../../common/index.js';
import { scaffolderApiRef } from '../api/scaffolder-api.js';
import { useScaffolderContext } from '../scaffolder-context.js';
import { TemplateWizard } from './template-wizard.js';

/** `/create/templates/:namespace/:name`: the template's form; Create starts a task and opens it. */
export function TemplateFormPage() {
  const { namespace = 'default', name = '' } = useParams();
  const scaffolder = useApi(scaffolderApiRef);
  const { formFields, routes } = useScaffolderContext();
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ['scaffolder', 'parameter-schema', namespace, name],
    queryFn: () => scaffolder.getParameterSchema({ params: { namespace, kind: 'template', name } }),
    // The form must not change under an author's hands while they fill it.
    staleTime: Number.POSITIVE_INFINITY,
  });
  const create = async (values: JsonObject) => {
    const templateRef = stringifyEntityRef({ kind: 'template', namespace, name });
    const { id } = await scaffolder.createTask({ body: { templateRef, values } });
    navigate(routes.task(id));
  };
  const title = query.data?.title ?? name;
  return (
    <Page
      title={title}
      overline="Create from template"
      subtitle={query.data?.description}
      actions={<Link to={routes.gallery}>All templates</Link>}
    >
      {query.isPending && <Progress label="Loading the template" />}
      {query.isError && (
        <ErrorPanel error={query.error} title="Could not load the template" onRetry={() => query.refetch()} />
      )}
      {query.data && (
        <Paper variant="outlined" sx={{ p: { xs: 2, md: 4 }, maxWidth: 960 }}>
          <TemplateWizard parameters={query.data} formFields={formFields} onSubmit={create} />
        </Paper>
      )}
    </Page>
  );
}
