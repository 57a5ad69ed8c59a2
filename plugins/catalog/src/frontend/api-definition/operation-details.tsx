import { Markdown } from '@atrium/ui';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { BodyView, OperationView } from './parse-openapi.js';

const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 };

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="subtitle2" component="h5" gutterBottom>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

function ContentList({ content }: { content: BodyView['content'] }) {
  if (content.length === 0) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {content.map((item) => (
        <li key={item.mediaType}>
          <Box component="span" sx={mono}>
            {item.mediaType}
          </Box>
          {': '}
          <Box component="span" sx={{ ...mono, color: 'secondary.main' }}>
            {item.schema}
          </Box>
        </li>
      ))}
    </Box>
  );
}

/**
 * The body of one operation: description, parameters, request body and responses.
 *
 * @example
 * <OperationDetails operation={operation} />
 */
export function OperationDetails({ operation }: { operation: OperationView }) {
  return (
    <Box>
      {operation.description && <Markdown>{operation.description}</Markdown>}
      <Section title="Parameters">
        {operation.parameters.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            No parameters.
          </Typography>
        ) : (
          <Table
            size="small"
            aria-label={`Parameters of ${operation.method.toUpperCase()} ${operation.path}`}
          >
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>In</TableCell>
                <TableCell>Type</TableCell>
                <TableCell>Description</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {operation.parameters.map((parameter) => (
                <TableRow key={`${parameter.in}:${parameter.name}`}>
                  <TableCell sx={mono}>
                    {parameter.name}
                    {parameter.required && (
                      <Box component="span" sx={{ color: 'error.main' }} title="required">
                        {' *'}
                      </Box>
                    )}
                  </TableCell>
                  <TableCell>{parameter.in}</TableCell>
                  <TableCell sx={mono}>{parameter.schema}</TableCell>
                  <TableCell>{parameter.description ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      {operation.requestBody && (
        <Section title={`Request body${operation.requestBody.required ? ' (required)' : ''}`}>
          {operation.requestBody.description && (
            <Typography variant="body2" gutterBottom>
              {operation.requestBody.description}
            </Typography>
          )}
          <ContentList content={operation.requestBody.content} />
        </Section>
      )}
      <Section title="Responses">
        <Table size="small" aria-label={`Responses of ${operation.method.toUpperCase()} ${operation.path}`}>
          <TableHead>
            <TableRow>
              <TableCell>Status</TableCell>
              <TableCell>Description</TableCell>
              <TableCell>Content</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {operation.responses.map((response) => (
              <TableRow key={response.status}>
                <TableCell sx={mono}>{response.status}</TableCell>
                <TableCell>{response.description ?? ''}</TableCell>
                <TableCell>
                  <ContentList content={response.content} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Section>
    </Box>
  );
}
