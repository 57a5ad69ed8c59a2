import { CodeBlock } from '@atrium/ui';
import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import type { AuditEvent } from '../../common/index.js';

/** The whole event as JSON, beside the table. */
export function AuditEventDrawer(props: { event: AuditEvent | undefined; onClose(): void }) {
  const { event } = props;
  return (
    <Drawer anchor="right" open={event !== undefined} onClose={props.onClose}>
      {event && (
        <Box
          role="dialog"
          aria-label={`Audit event ${event.eventId}`}
          sx={{ width: { xs: '100vw', md: 560 }, p: 2 }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', mb: 1 }}>
            <Typography variant="h6" sx={{ flexGrow: 1 }}>
              {event.eventId}
            </Typography>
            <IconButton aria-label="Close" onClick={props.onClose}>
              <CloseIcon />
            </IconButton>
          </Box>
          <CodeBlock language="json" code={JSON.stringify(event, null, 2)} />
        </Box>
      )}
    </Drawer>
  );
}
