import { createRoot } from 'react-dom/client';
import { connect } from './api/transport';
import { ProjectRoot } from './projects/ProjectRoot';
import 'prosemirror-view/style/prosemirror.css';
import './styles.css';

const { client } = connect();
createRoot(document.getElementById('root')!).render(<ProjectRoot client={client} />);
